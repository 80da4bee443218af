/**
 * The CodeSpar Java SDK: sessions and their tools, typed errors, streams, the management API, webhooks, offline
 * mandate verification, consumer spending, tool plans, agent tool dispatching with guardrails, and call telemetry.
 * Nothing under {@code dev.codespar.internal} is exported.
 */
module dev.codespar {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive okhttp3;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires jakarta.validation;
    requires okio;
    requires org.hibernate.validator;
    requires org.slf4j;

    exports dev.codespar;
    exports dev.codespar.agent;
    exports dev.codespar.consumers;
    exports dev.codespar.errors;
    exports dev.codespar.management;
    exports dev.codespar.mandate;
    exports dev.codespar.metatools;
    exports dev.codespar.paging;
    exports dev.codespar.plans;
    exports dev.codespar.policy;
    exports dev.codespar.telemetry;
    exports dev.codespar.webhooks;

    // Jackson binds and writes the request and answer records by reflection; Hibernate Validator reads their
    // constraint annotations the same way
    opens dev.codespar to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens dev.codespar.management to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens dev.codespar.metatools to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens dev.codespar.internal.management to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens dev.codespar.internal.consumers to com.fasterxml.jackson.databind, org.hibernate.validator;
}
