Subject: ${ref} Site suspended: ${site.name} at ${suspendedAt}
Dear OMB members and COO,

${site.name} (NGI ${site.ngi}) was suspended at ${suspendedAt}.
Reason: ${reason}

Regards,
${csirt.name}
