package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.export.TableWriter;

/**
 * A link that downloads a table as CSV or XLSX. The table is written when the link is clicked, and its file name
 * is taken then, so both follow what the view shows at that moment.
 */
public final class TableDownload {

    private TableDownload() {
    }

    /**
     * @param baseName the file name without its extension ({@code bang-xep-hang-2024-05})
     * @param rows     writes the rows; the header row is written before it
     */
    public static Anchor link(String text, TableFormat format, Supplier<String> baseName, String sheetName,
                              List<String> headers, Consumer<TableWriter> rows) {
        DownloadHandler handler = event -> {
            event.setFileName(baseName.get() + "." + format.extension());
            event.setContentType(format.contentType());
            try (var writer = new TableWriter(format, event.getOutputStream(), sheetName, headers)) {
                rows.accept(writer);
            }
        };
        var anchor = new Anchor(handler, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
