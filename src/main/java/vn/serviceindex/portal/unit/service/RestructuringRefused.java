package vn.serviceindex.portal.unit.service;

import java.util.List;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.unit.domain.RestructuringProblem;

/** A restructuring file with problems, refused whole: the first problem is the message, all of them are listed. */
public class RestructuringRefused extends UserError {

    private final List<RestructuringProblem> problems;

    RestructuringRefused(List<RestructuringProblem> problems) {
        super(problems.getFirst().column(), problems.getFirst().row(), problems.getFirst().messageKey(),
                problems.getFirst().arguments().toArray());
        this.problems = List.copyOf(problems);
    }

    public List<RestructuringProblem> problems() {
        return problems;
    }
}
