Subject: ${ref} OMB notice: ${site.name} has not acted on re-introduced ${campaign.cves}
Dear OMB members,

${site.name} (NGI ${site.ngi}) was found vulnerable again to ${campaign.cves} on ${detected}
and has not acted after 24 hours. A final warning is being sent; if the site does not act by
${deadline}, EGI CSIRT plans to suspend it.

Regards,
${csirt.name}
