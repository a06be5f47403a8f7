package vn.serviceindex.portal.base.domain;

import org.jspecify.annotations.Nullable;

/** Whoever acts in a transaction: handed to PostgreSQL so that triggers and row-level policies know it too. */
public interface Actor {

    long actorId();

    String actorName();

    @Nullable Long actorUnitId();

    /** The units the actor reads and writes; an actor that says nothing reaches nothing. */
    default UnitReach unitReach() {
        return UnitReach.NOTHING;
    }
}
