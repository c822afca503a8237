-- POST /api/token/ with the benchmark user's credentials, as the tutorial's curl does.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "username=myuser&password=mypassword"
