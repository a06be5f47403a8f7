package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Apache ECharts chart, drawn in the browser from an option object built on the server. ECharts comes from its
 * WebJar and a small glue script from {@code frontend/js}, both loaded at run time: no frontend bundle is built.
 * Tests read {@link #option()} to check what would be drawn.
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.5.0/echarts.min.js")
@JavaScript("context://frontend/js/portal-charts.js")
public class Chart extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ObjectNode option = JSON.createObjectNode();

    public Chart() {
        addClassName("portal-chart");
        getElement().setAttribute("data-unavailable", getTranslation("chart.unavailable"));
    }

    /** Replaces what the chart shows; the option is ECharts' own format (series, axes, tooltip …). */
    public void setOption(ObjectNode newOption) {
        option = newOption.deepCopy();
        draw();
    }

    public ObjectNode option() {
        return option.deepCopy();
    }

    public static ObjectNode newOption() {
        return JSON.createObjectNode();
    }

    public static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        draw();
    }

    private void draw() {
        if (isAttached()) {
            // Numbers are formatted on the server (labels carry "53,13"), so the chart needs no locale of its own.
            getElement().executeJs("window.portalCharts && window.portalCharts.render(this, JSON.parse($0))",
                    option.toString());
        }
    }
}
