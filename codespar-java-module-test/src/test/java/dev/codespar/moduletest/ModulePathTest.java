package dev.codespar.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codespar.CodeSparClient;
import dev.codespar.ToolResult;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.management.Project;
import dev.codespar.management.ProjectCreateParams;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.MetaTools;
import java.lang.reflect.InaccessibleObjectException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a named module: its public packages work (Jackson and Hibernate Validator reach what they reflect on),
 * its internal packages are closed to the application.
 */
class ModulePathTest {

    @Test
    void theSdkIsANamedModuleThatExportsOnlyItsPublicPackages() {
        Module sdk = CodeSparClient.class.getModule();
        assertTrue(sdk.isNamed(), "on the module path");
        assertEquals("dev.codespar", sdk.getName());
        assertTrue(ModulePathTest.class.getModule().isNamed(), "the test runs in a named module too");
        for (String exported : new String[] {"dev.codespar", "dev.codespar.errors", "dev.codespar.management",
                "dev.codespar.metatools", "dev.codespar.webhooks", "dev.codespar.paging", "dev.codespar.mandate",
                "dev.codespar.policy", "dev.codespar.agent", "dev.codespar.telemetry"}) {
            assertTrue(sdk.isExported(exported), exported);
        }
        for (String hidden : new String[] {"dev.codespar.internal.http", "dev.codespar.internal.json",
                "dev.codespar.internal.sse", "dev.codespar.internal.validation",
                "dev.codespar.internal.management"}) {
            assertFalse(sdk.isExported(hidden), hidden);
        }
    }

    @Test
    void internalsCannotBeReachedByReflection() throws Exception {
        Class<?> transport = Class.forName("dev.codespar.internal.http.HttpTransport", false,
                CodeSparClient.class.getClassLoader());
        assertThrows(InaccessibleObjectException.class, () -> transport.getDeclaredField("client").setAccessible(true));
    }

    @Test
    void callsValidationAndTypedToolsWorkOnTheModulePath() throws Exception {
        try (ModuleApp app = new ModuleApp(); CodeSparClient client = app.client()) {
            ToolResult paid = ModuleApp.pay(client);
            assertTrue(paid.success());
            assertEquals("pay_1", paid.data().path("id").asText());

            // Hibernate Validator reflects on the SDK's records (a blank tool name fails its constraint)
            var session = client.create("u");
            InvalidRequestError blank = assertThrows(InvalidRequestError.class,
                    () -> session.execute(" ", Map.of()));
            assertTrue(blank.getMessage().contains("tool"), blank.getMessage());
            // Jackson writes the typed meta-tool params (a record of dev.codespar.metatools)
            var charge = MetaTools.of(session).charge(ChargeParams.pix(new BigDecimal("10.00"), "BRL", "Order 1",
                    ChargeParams.Buyer.named("Ana")));
            assertTrue(charge.success());
            // management params are validated and sent; slug rules apply before the network
            Project project = client.projects().create(ProjectCreateParams.builder().name("Checkout")
                    .slug("checkout").build());
            assertEquals("checkout", project.slug());
            assertThrows(SlugReservedError.class, () -> client.projects().create(ProjectCreateParams.builder()
                    .name("Default").slug("default").build()));
        }
    }
}
