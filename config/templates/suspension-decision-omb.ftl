Subject: ${ref} Site suspension decided: ${site.name}
Dear OMB members,

EGI CSIRT has decided to suspend ${site.name} (NGI ${site.ngi}).
Reason: ${reason}

Regards,
${csirt.name}
