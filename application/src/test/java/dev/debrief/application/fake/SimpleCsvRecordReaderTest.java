package dev.debrief.application.fake;

import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.application.port.out.imports.CsvRecordReaderContract;

class SimpleCsvRecordReaderTest extends CsvRecordReaderContract {

    @Override
    protected CsvRecordReader reader() {
        return new SimpleCsvRecordReader();
    }
}
