Subject: ${ref} ${site.name}: please run the Pakiti client
Dear security contact for ${site.name},

Thank you for updating your hosts (${claimed}). Our monitoring cannot confirm it yet: the last
Pakiti report of your affected hosts is from ${lastReport}, before the update.

Please run the Pakiti client on the affected hosts so that it reports their current state, as
described here:
  ${pakitiClientUrl}

We close this ticket as soon as Pakiti shows the hosts without the vulnerability (${campaign.cves}).

Thanks,
${csirt.name}
