package eu.egi.csirt.cvh.app;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Binds the runtime's beans into Camel's registry when camel-main starts (also under
 * {@code @CamelMainTest}). Settings come from Camel's properties: config/application.properties
 * plus any override. A {@link Wiring} already bound as "wiring" (the simulation's) is used as is.
 */
@Configuration
public class CvhConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Wiring existing = context.getRegistry().lookupByNameAndType("wiring", Wiring.class);
        Wiring wiring = existing != null ? existing
                : new Wiring(Settings.of(key -> context.getPropertiesComponent().resolveProperty(key)));
        wiring.beans().forEach((name, bean) -> context.getRegistry().bind(name, bean));
        // the officer's console: the runtime's own HTTP server; platform-http routes (console-*.camel.yaml) use it
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(wiring.settings.get("app.console.bind", "127.0.0.1"));
        http.setBindPort(wiring.settings.getInt("app.console.port", 8090));
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(http);
        context.addService(server, true, true);
        context.getRegistry().bind("consoleServer", server);
        if (existing == null) {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    wiring.close();
                }
            }, true, true);
        }
    }
}
