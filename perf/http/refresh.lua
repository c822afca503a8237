-- POST /api/token/refresh/ with the same refresh token every time (no rotation).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "refresh=" .. os.getenv("REFRESH_TOKEN")
