package vn.serviceindex.portal.base.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines why the portal did not start on a data directory in use, instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop the other portal first, or give this one its own directory with"
                        + " --portal.embedded-database.data-directory=... (or SPRING_DATASOURCE_URL for a server).",
                cause);
    }
}
