package vn.serviceindex.portal.result.service;

/**
 * Told how far an import's commit has got: rows written of the rows to write, after each batch. Throwing from it
 * (a cancelled background import) stops the import and rolls back everything it wrote.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Nobody is told. */
    ImportProgress NONE = (done, total) -> {
    };

    void written(int done, int total);
}
