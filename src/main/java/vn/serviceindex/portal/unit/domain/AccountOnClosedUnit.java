package vn.serviceindex.portal.unit.domain;

import org.jspecify.annotations.Nullable;

/**
 * An account whose role (or home unit, when {@code role} is null) sits on a unit a restructuring closes: the
 * administrator moves it to a new unit; nothing is carried over by itself.
 */
public record AccountOnClosedUnit(String username, String displayName, @Nullable String role, String unitCode,
                                  String unitName) {
}
