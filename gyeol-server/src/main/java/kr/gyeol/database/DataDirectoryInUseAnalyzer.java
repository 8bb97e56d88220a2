package kr.gyeol.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Two gateways on one data folder: one short explanation at startup instead of the stack
 * trace of every bean that needed the database.
 */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
        return new FailureAnalysis("Another running gateway uses the data directory " + cause.directory() + ".",
                "Stop that gateway, or start this one with --gyeol.data-dir=<another folder> (or GYEOL_DATA_DIR).",
                cause);
    }

}
