Subject: ${ref} DECISION NEEDED: suspension proposed for ${site.name}
Dear CSIRT officer,

The deadline ${deadline} for ${site.name} (NGI ${site.ngi}) has passed and the site is still
vulnerable to ${campaign.cves}. Suspension is proposed (SEC03 4.2).

Notifications sent (SEC03 5.4):
<#list notifications as n>
 - ${n}
</#list>

Confirm or cancel the suspension, grant an extension (4.3) or record an OMB/COO veto (4.4).

cvh
