module example.com/drivertest

go 1.26
