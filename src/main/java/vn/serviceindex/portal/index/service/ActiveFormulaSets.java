package vn.serviceindex.portal.index.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;

/**
 * The active formula sets by id, each read from the database once: an active set never changes (V5 freezes its
 * rows, and nothing deactivates it), so every result scored under it, every progress measure and every forecast
 * can share one copy instead of reading its groups, metrics and terms again. Drafts change, so they are never kept.
 */
@Component
public class ActiveFormulaSets {

    private final ConcurrentMap<Long, StoredFormulaSet> byId = new ConcurrentHashMap<>();

    /** The set with this id: the kept copy if it is active, else what {@code load} reads (kept when active). */
    Optional<StoredFormulaSet> get(long id, LongFunction<Optional<StoredFormulaSet>> load) {
        StoredFormulaSet kept = byId.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<StoredFormulaSet> loaded = load.apply(id);
        loaded.filter(StoredFormulaSet::active).ifPresent(set -> byId.putIfAbsent(id, set));
        return loaded;
    }

    /**
     * Forgets every kept set. Only for a database whose rows were put back under the running portal (the tests'
     * fixture restores the demo seed, ids included, after each test); a running installation never needs it.
     */
    public void clear() {
        byId.clear();
    }
}
