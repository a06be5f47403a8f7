package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.ServiceTest;

/** What every pooled connection of the portal starts with. */
class PortalConnectionSettingsTest extends ServiceTest {

    @Test
    void a_portal_connection_runs_with_jit_off_and_custom_plans() {
        assertThat(portalJdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
        assertThat(portalJdbc.sql("show plan_cache_mode").query(String.class).single())
                .isEqualTo("force_custom_plan");
    }
}
