package dev.codespar;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures every log event of the SDK at DEBUG while open, so tests can assert what was (not) logged. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.codespar");
    private final Level previous = logger.getLevel();
    private final boolean previousAdditive = logger.isAdditive();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // keep the captured DEBUG lines off the console
    }

    /** Every captured line: formatted message, arguments and any throwable's message. */
    public List<String> lines() {
        return appender.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.toList());
    }

    /** The captured events themselves, for their level and logger. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        logger.setAdditive(previousAdditive);
        appender.stop();
    }
}
