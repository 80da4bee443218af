package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The pre-checks that let well-formed hot calls skip Hibernate Validator must agree with the validator on every
 * input: if a pre-check accepted something the validator rejects, a constraint would be loosened. Each pre-check is
 * compared with the validator's verdict over inputs around every bound and every kind of blank.
 */
class ValidationPrecheckTest {

    private static final Validator VALIDATOR = jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    /** Nulls, empties, every kind of blank (ASCII controls, Unicode spaces that trim() keeps), bounds. */
    private static List<String> strings() {
        List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "  ", "\t", "\n\r", "\u0000", "\u001f",
                "\u0020x", "x", " x ", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u007f", "a b",
                "codespar_pay", "asaas/create_payment", "\ud83d\ude00", " \ud83d\ude00 "));
        for (int n : new int[] {127, 128, 129, 255, 256, 257, 1023, 1024, 1025}) {
            values.add("a".repeat(n));
            values.add(" ".repeat(n));
            values.add("\ud83d\ude00".repeat(n / 2) + (n % 2 == 1 ? "b" : ""));
        }
        values.add(" ".repeat(127) + "b");
        return values;
    }

    private static boolean valid(Object bean) {
        return VALIDATOR.validate(bean).isEmpty();
    }

    @Test
    void userIdPrecheckMatchesTheValidator() {
        int accepted = 0;
        for (String s : strings()) {
            CreateSessionBody.UserId id = new CreateSessionBody.UserId(s);
            assertThat(id.satisfiesConstraints()).as("userId %s", describe(s)).isEqualTo(valid(id));
            accepted += id.satisfiesConstraints() ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(5);
    }

    @Test
    void executeBodyPrecheckMatchesTheValidator() {
        int accepted = 0;
        for (String tool : strings()) {
            for (Object input : Arrays.asList(null, Map.of(), Map.of("amount", 1000), "text")) {
                SessionCalls.ExecuteBody body = new SessionCalls.ExecuteBody(tool, input);
                assertThat(body.satisfiesConstraints()).as("tool %s input %s", describe(tool), input)
                        .isEqualTo(valid(body));
                accepted += body.satisfiesConstraints() ? 1 : 0;
            }
        }
        assertThat(accepted).isGreaterThan(10);
    }

    @Test
    void sendBodyPrecheckMatchesTheValidator() {
        for (String message : strings()) {
            SessionCalls.SendBody body = new SessionCalls.SendBody(message);
            assertThat(body.satisfiesConstraints()).as("message %s", describe(message)).isEqualTo(valid(body));
        }
    }

    @Test
    void sessionConfigPrecheckMatchesTheValidator() {
        List<SessionConfig> configs = new ArrayList<>();
        configs.add(SessionConfig.defaults());
        configs.add(SessionConfig.builder().build());
        for (String s : strings()) {
            configs.add(SessionConfig.builder().servers(Collections.singletonList(s)).build());
            configs.add(SessionConfig.builder().servers(Arrays.asList("asaas", s)).build());
            configs.add(SessionConfig.builder().metadata(map(s, "v")).build());
            configs.add(SessionConfig.builder().metadata(map("k", s)).build());
            configs.add(SessionConfig.builder().metadata(map(s, s)).build());
            configs.add(SessionConfig.builder().projectId(s).build());
            if (s != null) {
                configs.add(SessionConfig.builder().mocks(mocks(s, Map.of("id", "pay_1"))).build());
            }
        }
        configs.add(SessionConfig.builder().mocks(mocks(null, Map.of("id", "pay_1"))).build());
        configs.add(SessionConfig.builder().mocks(mocks("asaas/get_payment", null)).build());
        configs.add(SessionConfig.builder().mocks(mocks("asaas/get_payment", List.of(Map.of("id", "p")))).build());
        configs.add(SessionConfig.builder().mocks(Map.of()).build());
        configs.add(SessionConfig.builder().metadata(Map.of()).build());
        for (int n : new int[] {0, 1, 19, 20, 21, 40}) {
            List<String> servers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                servers.add("server-" + i);
            }
            configs.add(SessionConfig.builder().servers(servers).build());
        }
        for (String id : new String[] {"prj_0123456789abcdef", "prj_0123456789ABCDEF", "prj_0123456789abcde",
            "prj_0123456789abcdefg", "prj_0123456789abcde_", "PRJ_0123456789abcdef", "prj_0123456789abcdef\n",
            "xprj_0123456789abcdef", "prj_0123456789abcd\u00e9f"}) {
            configs.add(SessionConfig.builder().projectId(id).build());
        }
        configs.add(SessionConfig.builder().servers("asaas", "nuvem-fiscal").metadata(Map.of("order", "42"))
                .projectId("prj_0123456789abcdef").mocks(Map.of("asaas/get_payment", Map.of("id", "p"))).build());
        int accepted = 0;
        for (SessionConfig config : configs) {
            assertThat(config.satisfiesConstraints()).as("%s", config).isEqualTo(valid(config));
            accepted += config.satisfiesConstraints() ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(20);
        assertThat(configs.size() - accepted).isGreaterThan(20);
    }

    private static Map<String, String> map(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> mocks(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static String describe(String s) {
        return s == null ? "null" : "\"" + (s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + ")" : s)
                .replace("\n", "\\n") + "\"";
    }
}
