package vn.serviceindex.portal.index.service;

import java.util.List;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.FormulaProblem;

/**
 * A formula set refused as a whole, with every problem found, so that the administrator fixes them all in one go
 * rather than one per save. The message itself only counts them; screens list {@link #problems()}.
 */
public class FormulaRefusal extends UserError {

    private final List<FormulaProblem> problems;

    public FormulaRefusal(List<FormulaProblem> problems) {
        super("formula.error.refused", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FormulaProblem> problems() {
        return problems;
    }
}
