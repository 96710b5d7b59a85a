package dev.debrief.adapter.csv.imports;

import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.application.port.out.imports.CsvRecordReaderContract;

class CommonsCsvRecordReaderTest extends CsvRecordReaderContract {

    @Override
    protected CsvRecordReader reader() {
        return new CommonsCsvRecordReader();
    }
}
