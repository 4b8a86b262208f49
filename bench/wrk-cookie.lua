-- wrk script: every request carries the session cookie from $DH_COOKIE, sent the same
-- way to our server and to nginx so both parse the same request.
local cookie = os.getenv("DH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = "application/json"
