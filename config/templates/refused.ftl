Subject: ${ref} ${site.name}: not accepted - deadline ${deadline} stands
Dear security contact for ${site.name},

We have considered your message:

${statement}

and cannot accept it: ${reason}

${site.name} remains vulnerable to ${campaign.cves} according to our monitoring. Please apply the
update recommended in the advisory before ${deadline}.

Thanks,
${csirt.name}
