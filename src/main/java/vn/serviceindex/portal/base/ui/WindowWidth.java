package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import java.util.function.IntConsumer;

/**
 * The browser window's width, for views that lay out a grid per width (a phone shows fewer columns and the rest on
 * a tap). One threshold for all of them, so that every page switches at the same width.
 */
public final class WindowWidth {

    /** Narrower than this is a phone (390 px portrait); a 1366 px laptop with the menu open stays well above. */
    public static final int PHONE_BELOW = 700;

    private WindowWidth() {
    }

    public static boolean isPhone(int width) {
        return width > 0 && width < PHONE_BELOW;
    }

    /** Tells {@code fit} the window's inner width once the page is known, and again after every resize. */
    public static void follow(AttachEvent attach, IntConsumer fit) {
        var page = attach.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fit.accept(details.getWindowInnerWidth()));
        page.addBrowserWindowResizeListener(resize -> fit.accept(resize.getWidth()));
    }
}
