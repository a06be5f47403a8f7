package vn.serviceindex.portal.base.database;

import java.nio.file.Path;

/** Another live portal uses the embedded database's kept data directory: this one must not touch it. */
class DataDirectoryInUse extends RuntimeException {

    DataDirectoryInUse(Path directory, String holder) {
        super("Another portal (" + holder + ") is using the embedded database in " + directory
                + "; this portal stops without touching it");
    }
}
