# Timestamps in native Rego: opa-wasm has no time.* builtins, and the scan time comes in as
# input.scan.time_ns (policies never read a clock, so results stay reproducible).
package cafscan.lib

# Seconds since 1970-01-01T00:00:00Z of an ISO 8601 UTC timestamp as AWS APIs, AWS Config and
# the credential report write them: "2025-07-01", "2025-07-01T12:00:00Z",
# "2025-07-01T12:00:00.123Z", "2025-07-01T12:00:00+00:00". Undefined for anything else (another
# zone offset, a date before 1970, a month or day out of range), so a caller can tell "unknown".
iso_seconds(s) := seconds if {
	is_string(s)
	iso_shape(s)
	y := to_number(substring(s, 0, 4))
	m := to_number(substring(s, 5, 2))
	d := to_number(substring(s, 8, 2))
	y >= 1970
	m >= 1
	m <= 12
	d >= 1
	d <= 31
	clock := time_of_day(s)
	seconds := (days_from_civil(y, m, d) * 86400) + clock
}

# The shape ^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|\+00:?00)?)?$ in
# string tests: a regex is compiled on every call in opa-wasm, and the IAM last-used controls
# read two or three timestamps per principal and service (measured ~25 µs per regex).
iso_shape(s) if {
	count(s) == 10
	iso_date_shape(s)
} else if {
	count(s) >= 19
	iso_date_shape(s)
	substring(s, 10, 1) == "T"
	iso_digits(substring(s, 11, 2))
	substring(s, 13, 1) == ":"
	iso_digits(substring(s, 14, 2))
	substring(s, 16, 1) == ":"
	iso_digits(substring(s, 17, 2))
	iso_zone_shape(substring(s, 19, -1))
}

iso_date_shape(s) if {
	iso_digits(substring(s, 0, 4))
	substring(s, 4, 1) == "-"
	iso_digits(substring(s, 5, 2))
	substring(s, 7, 1) == "-"
	iso_digits(substring(s, 8, 2))
}

# Only ASCII digits (callers fix the length).
iso_digits(x) if {
	x != ""
	trim_left(x, "0123456789") == ""
}

iso_zones := {"", "Z", "+00:00", "+0000"}

# What follows the seconds: an optional fraction (a dot and digits), then an optional UTC zone.
iso_zone_shape(rest) if {
	rest in iso_zones
} else if {
	startswith(rest, ".")
	fraction_and_zone := substring(rest, 1, -1)
	zone := trim_left(fraction_and_zone, "0123456789")
	zone != fraction_and_zone
	zone in iso_zones
}

time_of_day(s) := 0 if count(s) == 10

else := seconds if {
	h := to_number(substring(s, 11, 2))
	mi := to_number(substring(s, 14, 2))
	sec := to_number(substring(s, 17, 2))
	h < 24
	mi < 60
	sec < 61
	seconds := ((h * 3600) + (mi * 60)) + sec
}

# Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), with
# integer division written as (a - a % b) / b: every operand is a non-negative integer from 1970
# on.
days_from_civil(y, m, d) := days if {
	yy := y - january_or_february(m)
	era := int_div(yy, 400)
	yoe := yy - (era * 400)
	mp := (m + 9) % 12
	doy := (int_div((153 * mp) + 2, 5) + d) - 1
	doe := (((yoe * 365) + int_div(yoe, 4)) - int_div(yoe, 100)) + doy
	days := ((era * 146097) + doe) - 719468
}

january_or_february(m) := 1 if m <= 2

else := 0

int_div(a, b) := (a - (a % b)) / b

# The scan time in seconds, when the engine passed it.
scan_seconds := input.scan.time_ns / 1000000000 if is_number(input.scan.time_ns)

# Whole days from an ISO timestamp to the scan time (negative when it lies after the scan).
days_before_scan(s) := floor((scan_seconds - iso_seconds(s)) / 86400)
