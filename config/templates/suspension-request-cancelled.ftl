Subject: ${ref} DO NOT SUSPEND ${site.name} - request withdrawn
Dear CSIRT coordinator,

The request to suspend ${site.name} (NGI ${site.ngi}) in GOCDB is withdrawn: ${reason}
Please do not set it to 'Suspended'<#if site.portal?has_content> (${site.portal})</#if>; if you already
did, set it back to 'Certified' and tell the CSIRT.

cvh
