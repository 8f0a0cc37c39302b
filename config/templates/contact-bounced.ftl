Subject: ${ref} contact of ${site.name} bounced: ${addresses?join(", ")}
Dear CSIRT officer,

Mail to ${addresses?join(", ")} (${site.name}, NGI ${site.ngi}) could not be delivered.
The address is marked invalid; the next notifications for this site also go to its operational
contacts: <#if operational?has_content>${operational?join(", ")}<#else>none registered</#if>.
Please check the site's security contact in GOCDB (seed 002, 2a).

${reply.text}

cvh
