Subject: ${ref} PLEASE SUSPEND ${site.name} in GOCDB
Dear CSIRT coordinator,

EGI CSIRT has decided to suspend ${site.name} (NGI ${site.ngi}) (SEC03 4.5). Please set its
certification status to 'Suspended' in GOCDB<#if site.portal?has_content>: ${site.portal}</#if>

Reason (for the GOCDB status change, at most 300 characters):
${reason}

cvh watches GOCDB and records the suspension (wiki, OMB and COO) once GOCDB shows it.

cvh
