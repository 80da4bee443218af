/** An application module that uses the SDK from the module path. */
module dev.codespar.moduletest {
    requires dev.codespar;
    requires jdk.httpserver;

    // the application's own records cross the SDK's Jackson as tool inputs, as a user's would
    opens dev.codespar.moduletest to com.fasterxml.jackson.databind;
}
