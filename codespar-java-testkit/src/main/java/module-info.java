/**
 * The CodeSpar testkit: {@code FakeCodeSpar}, a fake of the CodeSpar API for tests (in the JVM, or as a process), with
 * its JUnit 5 extension. Only {@code dev.codespar.testkit} is exported.
 */
module dev.codespar.testkit {
    requires transitive dev.codespar;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;
    requires org.junit.platform.commons;
    requires org.slf4j;

    exports dev.codespar.testkit;
}
