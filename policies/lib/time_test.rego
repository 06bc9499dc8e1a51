package cafscan.tests.lib_time

import data.cafscan.lib

# Expected values from Python's calendar.timegm.
test_iso_seconds_of_the_shapes_aws_writes if {
	lib.iso_seconds("1970-01-01") == 0
	lib.iso_seconds("2024-02-29T12:00:00Z") == 1709208000
	lib.iso_seconds("2025-07-01T12:00:00.123Z") == 1751371200
	lib.iso_seconds("2000-03-01T00:00:00+00:00") == 951868800
	lib.iso_seconds("2000-03-01T00:00:00+0000") == 951868800
	lib.iso_seconds("2026-12-31T23:59:59") == 1798761599
	lib.iso_seconds("2100-01-01") == 4102444800
}

test_iso_seconds_is_undefined_for_other_shapes if {
	undefined := [s |
		some s in [
			"2025-07-01T12:00:00+02:00", "1969-12-31", "2025-13-01", "2025-00-10", "2025-01-32",
			"2025-01-00", "2025-01-01T24:00:00Z", "2025-01-01T10:60:00Z", "2025-01-01T10:00:61Z",
			"N/A", "", "2025-7-1", 1751371200,
		]
		not lib.iso_seconds(s)
	]
	count(undefined) == 13
}

test_days_before_scan if {
	lib.days_before_scan("2024-02-29T12:00:00Z") == 1 with input.scan.time_ns as 1709294400000000000
	lib.days_before_scan("2024-02-29T12:00:01Z") == 0 with input.scan.time_ns as 1709294400000000000
	lib.days_before_scan("2024-03-02T12:00:00Z") == -1 with input.scan.time_ns as 1709294400000000000
	lib.days_before_scan("2023-03-01") == 366 with input.scan.time_ns as 1709294400000000000
}

test_days_before_scan_is_undefined_without_the_scan_time if {
	not lib.days_before_scan("2024-02-29T12:00:00Z") with input as {}
}

# lib.iso_shape decides as the regular expression it spells out in string tests.
iso_shape_samples := [
	"2025-07-01", "2025-07-01T12:00:00", "2025-07-01T12:00:00Z", "2025-07-01T12:00:00.1Z",
	"2025-07-01T12:00:00.123456789", "2025-07-01T12:00:00+00:00", "2025-07-01T12:00:00+0000",
	"2025-07-01T12:00:00.5+00:00", "2025-07-01T12:00:00.Z", "2025-07-01T12:00:00.", "2025-07-01T12:00:00Z ",
	"2025-07-01T12:00:00+00", "2025-07-01T12:00:00+00:0", "2025-07-01T12:00:00z", "2025-07-01 12:00:00",
	"2025-07-01T12:00", "2025-07-01T", "2025-07-1", "2025/07/01", "20250-07-01", " 2025-07-01",
	"2025-07-01\n", "2025-07-0a", "x025-07-01", "2025-07-01T12:00:00.12a", "2025-07-01T1a:00:00Z",
	"2025-07-01T12-00-00Z", "2025-07-01T12:00:00ZZ", "2025-07-01T12:00:00.1.2Z", "٢٠٢٥-07-01",
	"2025-07-01T12:00:00.٣Z", "", "Z",
	# One fault each, so that every string test of lib.iso_shape is needed to reject its sample.
	"2025-07-01T12:00:0", "2025/07/01T12:00:00Z", "2025-07-01T12-00:00Z", "2025-07-01T12:a0:00Z",
	"2025-07-01T12:00-00Z", "2025-07-01T12:00:a0Z", "2025-07-01T12:00:00X", "2025/07-01", "2025-a7-01",
	"2025-07/01", "2025-07-01T12:00:00.1X",
]

test_iso_shape_is_the_pattern if {
	shaped := {s | some s in iso_shape_samples; lib.iso_shape(s)}
	pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|\+00:?00)?)?$`
	shaped == {s | some s in iso_shape_samples; regex.match(pattern, s)}
	count(shaped) == 8
}
