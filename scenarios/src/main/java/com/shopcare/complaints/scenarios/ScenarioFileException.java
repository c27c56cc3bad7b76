package com.shopcare.complaints.scenarios;

/** A scenario file that cannot be read as scenarios; the message names the file, the line and the problem. */
public class ScenarioFileException extends RuntimeException {

    private final String file;
    private final long line;

    public ScenarioFileException(String message) {
        this(null, 0, message, null);
    }

    public ScenarioFileException(String message, Throwable cause) {
        this(null, 0, message, cause);
    }

    /** @param line the line in the file, or 0 for the file as a whole */
    public ScenarioFileException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    private ScenarioFileException(String file, long line, String problem, Throwable cause) {
        super(file == null ? problem : file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file's name, or null when the problem is not in one file. */
    public String file() {
        return file;
    }

    /** The line of the problem, or 0 when it is the file as a whole. */
    public long line() {
        return line;
    }
}
