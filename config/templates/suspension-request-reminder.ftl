Subject: ${ref} REMINDER: please suspend ${site.name} in GOCDB (asked ${requestedAt})
Dear CSIRT coordinator,

On ${requestedAt} you were asked to suspend ${site.name} (NGI ${site.ngi}) in GOCDB<#if site.portal?has_content> (${site.portal})</#if>.
GOCDB does not show the site as Suspended yet.

Reason: ${reason}

cvh
