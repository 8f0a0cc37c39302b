package eu.egi.csirt.cvh.app;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
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
