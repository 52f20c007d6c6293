"""Drives Debian's python3-mygpoclient (the library gPodder uses) against a Hopcast sync server.

usage: mygpo_driver.py ROOT_URL USER PASSWORD DEVICE upload FEED EPISODE POSITION TOTAL
       mygpo_driver.py ROOT_URL USER PASSWORD DEVICE download
Prints one JSON object: what the library returned, so the test can check it. Every call goes
through one MygPodderClient, as gPodder does, so the library's own rules (credentials only after a
401 with a Basic realm, at most three credential retries in its life) apply.
"""
import json
import sys

import mygpoclient
from mygpoclient import api

root, user, password, device, command = sys.argv[1:6]
client = api.MygPodderClient(user, password, root)
out = {"version": mygpoclient.__version__}

if command == "upload":
    feed, episode, position, total = sys.argv[6], sys.argv[7], int(sys.argv[8]), int(sys.argv[9])
    out["device_saved"] = client.update_device_settings(device, caption="gPodder on a laptop", type="laptop")
    result = client.update_subscriptions(device, add_urls=[feed], remove_urls=[])
    out["subscriptions_since"] = result.since
    out["update_urls"] = result.update_urls
    action = api.EpisodeAction(feed, episode, "play", device=device, timestamp="2026-11-29T08:15:00",
                               started=0, position=position, total=total)
    out["actions_since"] = client.upload_episode_actions([action])
elif command == "download":
    changes = client.pull_subscriptions(device)
    out["add"] = changes.add
    out["remove"] = changes.remove
    actions = client.download_episode_actions(since=0)
    out["actions"] = [a.to_dictionary() for a in actions.actions]
    out["actions_since"] = actions.since
    out["devices"] = [[d.device_id, d.caption, d.type, d.subscriptions] for d in client.get_devices()]
else:
    sys.exit("unknown command " + command)

print(json.dumps(out))
