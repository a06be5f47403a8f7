package vn.serviceindex.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.base.domain.NotPermitted;

/** What reaches the user when a view lets an exception through: a sentence in their language, never a trace. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorHandlingTest extends KaribuTest {

    @Test
    void a_refusal_that_escapes_a_view_is_shown_in_the_users_language() {
        login("iagrai.lanhdao");

        fail(new IllegalStateException("wrapped", NotPermitted.toChange()));

        assertThat(notificationTexts()).containsExactly("Bạn không có quyền thay đổi dữ liệu này.");
    }

    @Test
    void anything_else_is_a_generic_sentence() {
        login("iagrai.lanhdao");

        fail(new NullPointerException("internal detail"));

        assertThat(notificationTexts()).containsExactly(
                "Đã xảy ra lỗi. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo quản trị hệ thống.");
    }

    /** Hands the exception to the session's error handler, as Vaadin does for an exception in a listener. */
    private static void fail(Throwable error) {
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(error));
        MockVaadin.runUIQueue();
    }
}
