Subject: ${ref} ${site.name}: still vulnerable after your update (due ${deadline})
Dear security contact for ${site.name},

Thank you for your update (${claimed}). Pakiti reports received since then still show
${vulnerableHosts} host(s) of ${site.name} vulnerable to ${campaign.cves}.

Please check that every affected host got the fixed packages (and was rebooted where the fix
needs it), then run the Pakiti client again. The ticket is due on ${deadline}.

Thanks,
${csirt.name}
