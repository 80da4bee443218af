package dev.codespar.testkit.internal.tools;

import java.util.Map;

/** The fake's implementation of each meta-tool. */
final class MetaTools {

    private static final Map<String, MetaTool> TOOLS = Map.ofEntries(
            Map.entry("codespar_list_tools", call -> ToolCatalogue.listTools(call.world(), call.session())),
            Map.entry("codespar_discover", new DiscoverTool()),
            Map.entry("codespar_manage_connections", new ManageConnectionsTool()),
            Map.entry("codespar_pay", new PayTool()),
            Map.entry("codespar_charge", new ChargeTool()),
            Map.entry("codespar_checkout", new CheckoutTool()),
            Map.entry("codespar_crypto_pay", new CryptoPayTool()),
            Map.entry("codespar_kyc", new KycTool()),
            Map.entry("codespar_ship", new ShipTool()),
            Map.entry("codespar_invoice", new InvoiceTool()),
            Map.entry("codespar_notify", new NotifyTool()),
            Map.entry("codespar_shop", new ShopTool()),
            Map.entry("codespar_wallet", new WalletTool()),
            Map.entry("codespar_ledger", new LedgerTool()),
            Map.entry("codespar_issue", new IssueTool()));

    private MetaTools() {}

    static MetaTool get(String tool) {
        return TOOLS.get(tool);
    }
}
