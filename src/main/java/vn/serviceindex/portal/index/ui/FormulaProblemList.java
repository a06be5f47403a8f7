package vn.serviceindex.portal.index.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import vn.serviceindex.portal.index.domain.FormulaProblem;

/** Why a formula set was not saved: one line per problem, in the reader's language. */
class FormulaProblemList extends UnorderedList {

    FormulaProblemList() {
        addClassName("formula-problems");
        setVisible(false);
    }

    void show(List<FormulaProblem> problems) {
        showTexts(problems.stream().map(this::text).toList());
    }

    void showTexts(List<String> texts) {
        removeAll();
        texts.forEach(text -> add(new ListItem(text)));
        setVisible(!texts.isEmpty());
    }

    void clear() {
        showTexts(List.of());
    }

    /** The texts on screen, in order. */
    List<String> texts() {
        return getChildren().map(item -> ((ListItem) item).getText()).toList();
    }

    String text(FormulaProblem problem) {
        return getTranslation(problem.messageKey(), problem.args().toArray());
    }
}
