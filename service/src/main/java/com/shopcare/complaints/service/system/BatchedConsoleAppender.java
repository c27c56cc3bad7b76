package com.shopcare.complaints.service.system;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes log lines to the process's standard output through a buffer, for use behind an asynchronous appender that
 * flushes its appenders at the end of each batch (logstash-logback-encoder's ring buffer does, ADR 0009): one write
 * to the console per batch of lines instead of one per line. Logback's ConsoleAppender writes through
 * {@code System.out}, which flushes after every line whatever the appender's own setting.
 */
public class BatchedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

    // At most one pipe buffer's atomic write (PIPE_BUF on Linux): a write this size is never interleaved with the
    // lines other appenders write to the same standard output at the same moment.
    private static final int BUFFER_BYTES = 4096;

    @Override
    public void start() {
        setImmediateFlush(false);
        setOutputStream(new BufferedOutputStream(new KeepOpen(new FileOutputStream(FileDescriptor.out)), BUFFER_BYTES));
        super.start();
    }

    /** Stopping the appender closes its stream; standard output stays open for everyone else. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            // FilterOutputStream would write byte by byte.
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
