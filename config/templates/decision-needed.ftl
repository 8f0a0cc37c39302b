Subject: ${ref} DECISION NEEDED: <#if blocked?has_content>suspension NOT possible yet<#else>suspension proposed</#if> for ${site.name}
Dear CSIRT officer,

The deadline ${deadline} for ${site.name} (NGI ${site.ngi}) has passed and the site is still
vulnerable to ${campaign.cves}.
<#if blocked?has_content>
Suspension cannot be proposed: ${blocked}.
Decide how to proceed (extension, further notification, or cancel).
<#else>
Suspension is proposed (SEC03 4.2). Confirm or cancel it, grant an extension (4.3) or record an
OMB/COO veto (4.4).
</#if>

Notifications sent (SEC03 5.4):
<#list notifications as n>
 - ${n}
</#list>

cvh
