Subject: ${ref} SITE SUSPENSION: ${site.name} is about to be suspended
Dear site administrators and security contacts of ${site.name},

Site suspension of ${site.name} is about to be carried out.
Reason: ${reason}

To rejoin the infrastructure once the problem is fixed, contact your ROD: the site will follow the
certification procedure (SEC03 5.6).

Regards,
${csirt.name}
