#!/usr/bin/env python3
"""Independent reference values for Keel's indicators (TA-Lib conventions).

Naive, deliberately slow re-implementations (each window recomputed from scratch, O(n * period)),
written from the TA-Lib definitions and NOT from the C# code, so that the C# tests compare two
separate implementations. Pure Python, no numpy.

Input: TA-Lib's own regression data set (252 daily OHLC bars, TA_SREF_*_daily_ref_0_PRIV in
ta-lib/src/tools/ta_regtest/test_data.c). Before writing anything the script checks itself against
the values that TA-Lib's regression tests publish for this data set (ta_regtest/ta_test_func/test_*.c).

Regenerate (from the repository root):
    python3 tests/reference/talib_reference.py
which rewrites
    tests/Keel.Core.Tests/Indicators/TalibRegressionBars.cs   (the 252 bars as C# literals)
    tests/Keel.Core.Tests/Indicators/talib_reference.txt      (expected outputs, first REFERENCE_BARS bars)
"""
import math
import os
import sys

NAN = float("nan")
REFERENCE_BARS = 120  # enough for every warm-up (MACD: 34) plus ~85 values each; keeps the file small

OPEN = [92.500000,91.500000,95.155000,93.970000,95.500000,94.500000,95.000000,91.500000,91.815000,91.125000,93.875000,
97.500000,98.815000,92.000000,91.125000,91.875000,93.405000,89.750000,89.345000,92.250000,89.780000,
87.940000,87.595000,85.220000,83.500000,83.500000,81.250000,85.125000,88.125000,87.500000,85.250000,
86.000000,87.190000,86.125000,89.000000,88.625000,86.000000,85.500000,84.750000,85.250000,84.250000,
86.750000,86.940000,89.315000,89.940000,90.815000,91.190000,91.345000,89.595000,91.000000,89.750000,
88.750000,88.315000,84.345000,83.500000,84.000000,86.000000,85.530000,87.500000,88.500000,90.000000,
88.655000,89.500000,91.565000,92.000000,93.000000,92.815000,91.750000,92.000000,91.375000,89.750000,
88.750000,85.440000,83.500000,84.875000,98.625000,96.690000,102.375000,106.000000,104.625000,102.500000,
104.250000,104.000000,106.125000,106.065000,105.940000,105.625000,108.625000,110.250000,110.565000,117.000000,
120.750000,118.000000,119.125000,119.125000,117.815000,116.375000,115.155000,111.250000,111.500000,116.690000,
116.000000,113.620000,111.750000,114.560000,113.620000,118.120000,119.870000,116.620000,115.870000,115.060000,
115.870000,117.500000,119.870000,119.250000,120.190000,122.870000,123.870000,122.250000,123.120000,123.310000,
124.000000,123.000000,124.810000,130.000000,130.880000,132.500000,131.000000,132.500000,134.000000,137.440000,
135.750000,138.310000,138.000000,136.380000,136.500000,132.000000,127.500000,127.620000,124.000000,123.620000,
125.000000,126.370000,126.250000,125.940000,124.000000,122.750000,120.000000,120.000000,122.000000,123.620000,
121.500000,120.120000,123.750000,122.750000,125.000000,128.500000,128.380000,123.870000,124.370000,122.750000,
123.370000,122.000000,122.620000,125.000000,124.250000,124.370000,125.620000,126.500000,128.380000,128.880000,
131.500000,132.500000,137.500000,134.630000,132.000000,134.000000,132.000000,131.380000,126.500000,128.750000,
127.190000,127.500000,120.500000,126.620000,123.000000,122.060000,121.000000,121.000000,118.000000,122.000000,
122.250000,119.120000,115.000000,113.500000,114.000000,110.810000,106.500000,106.440000,108.000000,107.000000,
108.620000,93.000000,93.750000,94.250000,94.870000,95.500000,94.500000,97.000000,98.500000,96.750000,
95.870000,94.440000,92.750000,90.500000,95.060000,94.620000,97.500000,96.000000,96.000000,94.620000,
94.870000,94.000000,99.000000,105.500000,108.810000,105.000000,105.940000,104.940000,103.690000,102.560000,
103.440000,109.810000,113.000000,117.000000,116.250000,120.500000,111.620000,108.120000,110.190000,107.750000,
108.000000,110.690000,109.060000,108.500000,109.870000,109.120000,109.690000,109.560000,110.440000,109.690000,
109.190000]
HIGH = [93.250000,94.940000,96.375000,96.190000,96.000000,94.720000,95.000000,93.720000,92.470000,92.750000,96.250000,
99.625000,99.125000,92.750000,91.315000,93.250000,93.405000,90.655000,91.970000,92.250000,90.345000,
88.500000,88.250000,85.500000,84.440000,84.750000,84.440000,89.405000,88.125000,89.125000,87.155000,
87.250000,87.375000,88.970000,90.000000,89.845000,86.970000,85.940000,84.750000,85.470000,84.470000,
88.500000,89.470000,90.000000,92.440000,91.440000,92.970000,91.720000,91.155000,91.750000,90.000000,
88.875000,89.000000,85.250000,83.815000,85.250000,86.625000,87.940000,89.375000,90.625000,90.750000,
88.845000,91.970000,93.375000,93.815000,94.030000,94.030000,91.815000,92.000000,91.940000,89.750000,
88.750000,86.155000,84.875000,85.940000,99.375000,103.280000,105.375000,107.625000,105.250000,104.500000,
105.500000,106.125000,107.940000,106.250000,107.000000,108.750000,110.940000,110.940000,114.220000,123.000000,
121.750000,119.815000,120.315000,119.375000,118.190000,116.690000,115.345000,113.000000,118.315000,116.870000,
116.750000,113.870000,114.620000,115.310000,116.000000,121.690000,119.870000,120.870000,116.750000,116.500000,
116.000000,118.310000,121.500000,122.000000,121.440000,125.750000,127.750000,124.190000,124.440000,125.750000,
124.690000,125.310000,132.000000,131.310000,132.250000,133.880000,133.500000,135.500000,137.440000,138.690000,
139.190000,138.500000,138.130000,137.500000,138.880000,132.130000,129.750000,128.500000,125.440000,125.120000,
126.500000,128.690000,126.620000,126.690000,126.000000,123.120000,121.870000,124.000000,127.000000,124.440000,
122.500000,123.750000,123.810000,124.500000,127.870000,128.560000,129.630000,124.870000,124.370000,124.870000,
123.620000,124.060000,125.870000,125.190000,125.620000,126.000000,128.500000,126.750000,129.750000,132.690000,
133.940000,136.500000,137.690000,135.560000,133.560000,135.000000,132.380000,131.440000,130.880000,129.630000,
127.250000,127.810000,125.000000,126.810000,124.750000,122.810000,122.250000,121.060000,120.000000,123.250000,
122.750000,119.190000,115.060000,116.690000,114.870000,110.870000,107.250000,108.870000,109.000000,108.500000,
113.060000,93.000000,94.620000,95.120000,96.000000,95.560000,95.310000,99.000000,98.810000,96.810000,
95.940000,94.440000,92.940000,93.940000,95.500000,97.060000,97.500000,96.250000,96.370000,95.000000,
94.870000,98.250000,105.120000,108.440000,109.870000,105.000000,106.000000,104.940000,104.500000,104.440000,
106.310000,112.870000,116.500000,119.190000,121.000000,122.120000,111.940000,112.750000,110.190000,107.940000,
109.690000,111.060000,110.440000,110.120000,110.310000,110.440000,110.000000,110.750000,110.500000,110.500000,
109.500000]
LOW = [90.750000,91.405000,94.250000,93.500000,92.815000,93.500000,92.000000,89.750000,89.440000,90.625000,92.750000,
96.315000,96.030000,88.815000,86.750000,90.940000,88.905000,88.780000,89.250000,89.750000,87.500000,
86.530000,84.625000,82.280000,81.565000,80.875000,81.250000,84.065000,85.595000,85.970000,84.405000,
85.095000,85.500000,85.530000,87.875000,86.565000,84.655000,83.250000,82.565000,83.440000,82.530000,
85.065000,86.875000,88.530000,89.280000,90.125000,90.750000,89.000000,88.565000,90.095000,89.000000,
86.470000,84.000000,83.315000,82.000000,83.250000,84.750000,85.280000,87.190000,88.440000,88.250000,
87.345000,89.280000,91.095000,89.530000,91.155000,92.000000,90.530000,89.970000,88.815000,86.750000,
85.065000,82.030000,81.500000,82.565000,96.345000,96.470000,101.155000,104.250000,101.750000,101.720000,
101.720000,103.155000,105.690000,103.655000,104.000000,105.530000,108.530000,108.750000,107.750000,117.000000,
118.000000,116.000000,118.500000,116.530000,116.250000,114.595000,110.875000,110.500000,110.720000,112.620000,
114.190000,111.190000,109.440000,111.560000,112.440000,117.500000,116.060000,116.560000,113.310000,112.560000,
114.000000,114.750000,118.870000,119.000000,119.750000,122.620000,123.000000,121.750000,121.560000,123.120000,
122.190000,122.750000,124.370000,128.000000,129.500000,130.810000,130.630000,132.130000,133.880000,135.380000,
135.750000,136.190000,134.500000,135.380000,133.690000,126.060000,126.870000,123.500000,122.620000,122.750000,
123.560000,125.810000,124.620000,124.370000,121.810000,118.190000,118.060000,117.560000,121.000000,121.120000,
118.940000,119.810000,121.000000,122.000000,124.500000,126.560000,123.500000,121.250000,121.060000,122.310000,
121.000000,120.870000,122.060000,122.750000,122.690000,122.870000,125.500000,124.250000,128.000000,128.380000,
130.690000,131.630000,134.380000,132.000000,131.940000,131.940000,129.560000,123.750000,126.000000,126.250000,
124.370000,121.440000,120.440000,121.370000,121.690000,120.000000,119.620000,115.500000,116.750000,119.060000,
119.060000,115.060000,111.060000,113.120000,110.000000,105.000000,104.690000,103.870000,104.690000,105.440000,
107.000000,89.000000,92.500000,92.120000,94.620000,92.810000,94.250000,96.250000,96.370000,93.690000,
93.500000,90.000000,90.190000,90.500000,92.120000,94.120000,94.870000,93.000000,93.870000,93.000000,
92.620000,93.560000,98.370000,104.440000,106.000000,101.810000,104.120000,103.370000,102.120000,102.250000,
103.370000,107.940000,112.500000,115.440000,115.500000,112.250000,107.560000,106.560000,106.870000,104.500000,
105.750000,108.620000,107.750000,108.060000,108.000000,108.190000,108.120000,109.060000,108.750000,108.560000,
106.620000]
CLOSE = [91.500000,94.815000,94.375000,95.095000,93.780000,94.625000,92.530000,92.750000,90.315000,92.470000,96.125000,
97.250000,98.500000,89.875000,91.000000,92.815000,89.155000,89.345000,91.625000,89.875000,88.375000,
87.625000,84.780000,83.000000,83.500000,81.375000,84.440000,89.250000,86.375000,86.250000,85.250000,
87.125000,85.815000,88.970000,88.470000,86.875000,86.815000,84.875000,84.190000,83.875000,83.375000,
85.500000,89.190000,89.440000,91.095000,90.750000,91.440000,89.000000,91.000000,90.500000,89.030000,
88.815000,84.280000,83.500000,82.690000,84.750000,85.655000,86.190000,88.940000,89.280000,88.625000,
88.500000,91.970000,91.500000,93.250000,93.500000,93.155000,91.720000,90.000000,89.690000,88.875000,
85.190000,83.375000,84.875000,85.940000,97.250000,99.875000,104.940000,106.000000,102.500000,102.405000,
104.595000,106.125000,106.000000,106.065000,104.625000,108.625000,109.315000,110.500000,112.750000,123.000000,
119.625000,118.750000,119.250000,117.940000,116.440000,115.190000,111.875000,110.595000,118.125000,116.000000,
116.000000,112.000000,113.750000,112.940000,116.000000,120.500000,116.620000,117.000000,115.250000,114.310000,
115.500000,115.870000,120.690000,120.190000,120.750000,124.750000,123.370000,122.940000,122.560000,123.120000,
122.560000,124.620000,129.250000,131.000000,132.250000,131.000000,132.810000,134.000000,137.380000,137.810000,
137.880000,137.250000,136.310000,136.250000,134.630000,128.250000,129.000000,123.870000,124.810000,123.000000,
126.250000,128.380000,125.370000,125.690000,122.250000,119.370000,118.500000,123.190000,123.500000,122.190000,
119.310000,123.310000,121.120000,123.370000,127.370000,128.500000,123.870000,122.940000,121.750000,124.440000,
122.000000,122.370000,122.940000,124.000000,123.190000,124.560000,127.250000,125.870000,128.860000,132.000000,
130.750000,134.750000,135.000000,132.380000,133.310000,131.940000,130.000000,125.370000,130.130000,127.120000,
125.190000,122.000000,125.000000,123.000000,123.500000,120.060000,121.000000,117.750000,119.870000,122.000000,
119.190000,116.370000,113.500000,114.250000,110.000000,105.060000,107.000000,107.870000,107.000000,107.120000,
107.000000,91.000000,93.940000,93.870000,95.500000,93.000000,94.940000,98.250000,96.750000,94.810000,
94.370000,91.560000,90.250000,93.940000,93.620000,97.000000,95.000000,95.870000,94.060000,94.620000,
93.750000,98.000000,103.940000,107.870000,106.060000,104.500000,105.000000,104.190000,103.060000,103.420000,
105.270000,111.870000,116.000000,116.620000,118.280000,113.370000,109.000000,109.700000,109.250000,107.000000,
109.190000,110.000000,109.200000,110.120000,108.000000,108.620000,109.750000,109.810000,109.000000,108.750000,
107.870000]


# ---------------------------------------------------------------- indicators (naive) -----------

def nans(n):
    return [NAN] * n


def sma(x, n):
    out = nans(len(x))
    for i in range(n - 1, len(x)):
        out[i] = sum(x[i - n + 1:i + 1]) / n
    return out


def ema(x, n, start=0):
    """TA-Lib EMA of x[start:], k = 2/(n+1), seeded with the plain mean of its first n inputs.
    The first value is at index start + n - 1."""
    out = nans(len(x))
    k = 2.0 / (n + 1)
    first = start + n - 1
    if first >= len(x):
        return out
    prev = sum(x[start:first + 1]) / n
    out[first] = prev
    for i in range(first + 1, len(x)):
        prev = prev + k * (x[i] - prev)
        out[i] = prev
    return out


def wma(x, n):
    out = nans(len(x))
    divisor = n * (n + 1) / 2
    for i in range(n - 1, len(x)):
        window = x[i - n + 1:i + 1]          # oldest first: weights 1 (oldest) .. n (newest)
        out[i] = sum((j + 1) * v for j, v in enumerate(window)) / divisor
    return out


def rsi(x, n):
    """Wilder: first averages are plain means of the first n changes (first RSI at index n), then
    avg = (prev * (n - 1) + current) / n; RSI = 100 * gain / (gain + loss), 0 when both are 0."""
    out = nans(len(x))
    if len(x) <= n:
        return out
    changes = [x[i] - x[i - 1] for i in range(1, len(x))]   # changes[i - 1] belongs to index i
    gain = sum(max(c, 0.0) for c in changes[:n]) / n
    loss = sum(max(-c, 0.0) for c in changes[:n]) / n

    def value(g, l):
        return 0.0 if g + l == 0 else 100.0 * g / (g + l)

    out[n] = value(gain, loss)
    for i in range(n + 1, len(x)):
        c = changes[i - 1]
        gain = (gain * (n - 1) + max(c, 0.0)) / n
        loss = (loss * (n - 1) + max(-c, 0.0)) / n
        out[i] = value(gain, loss)
    return out


def true_range(high, low, close):
    """TR from the second bar on: max(h - l, |h - previous close|, |l - previous close|)."""
    tr = nans(len(close))
    for i in range(1, len(close)):
        tr[i] = max(high[i] - low[i], abs(high[i] - close[i - 1]), abs(low[i] - close[i - 1]))
    return tr


def atr(high, low, close, n):
    """First ATR at index n = mean of TR[1..n]; then Wilder: (prev * (n - 1) + TR) / n."""
    out = nans(len(close))
    tr = true_range(high, low, close)
    if len(close) <= n:
        return out
    prev = sum(tr[1:n + 1]) / n
    out[n] = prev
    for i in range(n + 1, len(close)):
        prev = (prev * (n - 1) + tr[i]) / n
        out[i] = prev
    return out


def macd(x, fast, slow, signal):
    """TA-Lib MACD. Both EMAs are seeded so that their first values fall on the same bar (slow - 1):
    the slow EMA from the mean of x[0 .. slow-1], the fast EMA from the mean of x[slow-fast .. slow-1]
    (not x[0 .. fast-1]). The signal is an EMA of the MACD line seeded with the mean of its first
    `signal` values, so every output starts at index (slow - 1) + (signal - 1)."""
    slow_ema = ema(x, slow)
    fast_ema = ema(x, fast, start=slow - fast)
    line = nans(len(x))
    for i in range(slow - 1, len(x)):
        line[i] = fast_ema[i] - slow_ema[i]
    signal_line = ema(line, signal, start=slow - 1)
    first = slow - 1 + signal - 1
    macd_out, signal_out, hist_out = nans(len(x)), nans(len(x)), nans(len(x))
    for i in range(first, len(x)):
        macd_out[i] = line[i]
        signal_out[i] = signal_line[i]
        hist_out[i] = line[i] - signal_line[i]
    return macd_out, signal_out, hist_out


def population_stddev(window):
    mean = sum(window) / len(window)
    return math.sqrt(sum((v - mean) ** 2 for v in window) / len(window))


def stddev(x, n):
    out = nans(len(x))
    for i in range(n - 1, len(x)):
        out[i] = population_stddev(x[i - n + 1:i + 1])
    return out


def bbands(x, n, k):
    upper, middle, lower = nans(len(x)), nans(len(x)), nans(len(x))
    for i in range(n - 1, len(x)):
        window = x[i - n + 1:i + 1]
        mean = sum(window) / n
        sd = population_stddev(window)
        upper[i], middle[i], lower[i] = mean + k * sd, mean, mean - k * sd
    return upper, middle, lower


def zscore(x, n):
    out = nans(len(x))
    for i in range(n - 1, len(x)):
        window = x[i - n + 1:i + 1]
        mean = sum(window) / n
        sd = population_stddev(window)
        out[i] = 0.0 if sd == 0 else (x[i] - mean) / sd
    return out


def roc(x, n):
    out = nans(len(x))
    for i in range(n, len(x)):
        out[i] = 0.0 if x[i - n] == 0 else (x[i] / x[i - n] - 1.0) * 100.0
    return out


# ------------------------------------------------------ self-check against TA-Lib's regtests ----

def check_published():
    """Values published in TA-Lib's regression tests for this data set, printed there with 2-4
    decimals (sometimes rounded, mostly truncated). TA-Lib's own tests accept an absolute error of
    0.01; we demand less than one unit of the last printed digit."""
    c, h, l = CLOSE, HIGH, LOW
    m_line, m_signal, _ = macd(c, 12, 26, 9)
    bb_up, bb_mid, bb_low = bbands(c, 20, 2.0)
    atr14 = atr(h, l, c, 14)
    checks = [
        ("SMA(30)[29]", sma(c, 30)[29], 90.42), ("SMA(30)[30]", sma(c, 30)[30], 90.21),
        ("SMA(30)[31]", sma(c, 30)[31], 89.96), ("SMA(30)[58]", sma(c, 30)[58], 87.12),
        ("SMA(30)[250]", sma(c, 30)[250], 107.95), ("SMA(30)[251]", sma(c, 30)[251], 108.42),
        ("SMA(2)[1]", sma(c, 2)[1], 93.15), ("SMA(2)[251]", sma(c, 2)[251], 108.31),
        # test_ma.c also lists WMA(30) at its two last bars, but with the two values in the opposite
        # order (109.3413, 109.3466); both sit inside TA-Lib's 0.01 band either way, so they are left out.
        ("WMA(30)[29]", wma(c, 30)[29], 88.567), ("WMA(30)[30]", wma(c, 30)[30], 88.233),
        ("WMA(30)[31]", wma(c, 30)[31], 88.034), ("WMA(30)[58]", wma(c, 30)[58], 87.191),
        ("WMA(2)[1]", wma(c, 2)[1], 93.71), ("WMA(2)[2]", wma(c, 2)[2], 94.52),
        ("EMA(10)[9]", ema(c, 10)[9], 93.22), ("EMA(10)[10]", ema(c, 10)[10], 93.75),
        ("EMA(10)[29]", ema(c, 10)[29], 86.46), ("EMA(10)[251]", ema(c, 10)[251], 108.97),
        ("EMA(2)[1]", ema(c, 2)[1], 93.15), ("EMA(2)[2]", ema(c, 2)[2], 93.96),
        ("RSI(14)[14]", rsi(c, 14)[14], 49.14), ("RSI(14)[15]", rsi(c, 14)[15], 52.32),
        ("RSI(14)[16]", rsi(c, 14)[16], 46.07), ("RSI(14)[251]", rsi(c, 14)[251], 49.63),
        ("MACD(12,26,9)[33]", m_line[33], -1.9738), ("signal(12,26,9)[33]", m_signal[33], -2.7071),
        ("BB(20,2) upper[19]", bb_up[19], 98.0734), ("BB middle[19]", bb_mid[19], 92.8910),
        ("BB lower[19]", bb_low[19], 87.7086),
        ("STDDEV(5)[4]", stddev(c, 5)[4], 1.2856), ("STDDEV(5)[5]", stddev(c, 5)[5], 0.4462),
        ("STDDEV(5)[251]", stddev(c, 5)[251], 0.7144),
        ("ROC(14)[14]", roc(c, 14)[14], -0.546), ("ROC(14)[15]", roc(c, 14)[15], -2.109),
        ("ROC(14)[16]", roc(c, 14)[16], -5.53), ("ROC(14)[20]", roc(c, 14)[20], -4.49),
        ("ROC(14)[21]", roc(c, 14)[21], -5.5256), ("ROC(14)[251]", roc(c, 14)[251], -1.0367),
        # TA-Lib publishes NATR = ATR / close * 100 rather than ATR for this data set.
        ("NATR(14)[14]", atr14[14] / c[14] * 100, 3.9321), ("NATR(14)[15]", atr14[15] / c[15] * 100, 3.7576),
        ("NATR(14)[251]", atr14[251] / c[251] * 100, 3.0229),
    ]
    for name, got, published in checks:
        decimals = len(repr(published).split(".")[1])
        if "-v" in sys.argv:
            print(f"{name:22} {got!r:24} published {published}", file=sys.stderr)
        if not abs(got - published) < 10.0 ** -decimals:
            sys.exit(f"reference disagrees with TA-Lib's published {name}: {got!r} vs {published}")
    print(f"{len(checks)} published TA-Lib values reproduced to their last printed digit", file=sys.stderr)


# ------------------------------------------------------------------------------- output --------

def reference_series():
    """(spec, output name, values) for every output the C# tests compare."""
    c, h, l = CLOSE[:REFERENCE_BARS], HIGH[:REFERENCE_BARS], LOW[:REFERENCE_BARS]
    series = []
    for n in (5, 20):
        series.append((f"sma:{n}", f"sma_{n}", sma(c, n)))
        series.append((f"ema:{n}", f"ema_{n}", ema(c, n)))
        series.append((f"wma:{n}", f"wma_{n}", wma(c, n)))
        series.append((f"stddev:{n}", f"stddev_{n}", stddev(c, n)))
        series.append((f"zscore:{n}", f"zscore_{n}", zscore(c, n)))
    for n in (5, 14):
        series.append((f"rsi:{n}", f"rsi_{n}", rsi(c, n)))
        series.append((f"atr:{n}", f"atr_{n}", atr(h, l, c, n)))
    for n in (1, 10):
        series.append((f"roc:{n}", f"roc_{n}", roc(c, n)))
    for fast, slow, signal in ((12, 26, 9), (5, 13, 4)):
        tag = f"{fast}_{slow}_{signal}"
        spec = f"macd:{fast}:{slow}:{signal}"
        line, sig, hist = macd(c, fast, slow, signal)
        series += [(spec, f"macd_{tag}", line), (spec, f"macd_signal_{tag}", sig), (spec, f"macd_hist_{tag}", hist)]
    for n, k, k_text in ((20, 2.0, "2"), (10, 1.5, "1.5")):
        spec = f"bbands:{n}:{k_text}"
        upper, middle, lower = bbands(c, n, k)
        tag = f"{n}_{k_text}"
        series += [(spec, f"bb_upper_{tag}", upper), (spec, f"bb_middle_{tag}", middle), (spec, f"bb_lower_{tag}", lower)]
    return series


def format_value(v):
    return "NaN" if math.isnan(v) else repr(v)


def write_reference(path):
    with open(path, "w", newline="\n") as f:
        f.write("# Generated by tests/reference/talib_reference.py; do not edit by hand.\n")
        f.write(f"# Expected outputs on the first {REFERENCE_BARS} bars of TA-Lib's regression data set.\n")
        f.write("# One line per output: spec, output name, then one value per bar (NaN during warm-up).\n")
        for spec, name, values in reference_series():
            f.write(" ".join([spec, name] + [format_value(v) for v in values]) + "\n")


def write_bars(path):
    def row(i):
        return f"        Bar({i}, {OPEN[i]!r}, {HIGH[i]!r}, {LOW[i]!r}, {CLOSE[i]!r}),"
    lines = [
        "// Generated by tests/reference/talib_reference.py; do not edit by hand.",
        "using Keel.Core.Domain;",
        "",
        "namespace Keel.Core.Tests.Indicators;",
        "",
        "/// <summary>",
        "/// TA-Lib's regression data set: 252 daily bars (TA_SREF_*_daily_ref_0_PRIV in",
        "/// ta-lib/src/tools/ta_regtest/test_data.c). TA-Lib's own tests publish expected values for it.",
        "/// </summary>",
        "internal static class TalibRegressionBars",
        "{",
        "    private static readonly DateTime FirstDay = new(2000, 1, 3, 0, 0, 0, DateTimeKind.Utc);",
        "",
        "    public static Bar[] All { get; } =",
        "    [",
    ] + [row(i) for i in range(len(CLOSE))] + [
        "    ];",
        "",
        "    public static double[] Closes { get; } = Array.ConvertAll(All, bar => bar.Close);",
        "",
        "    private static Bar Bar(int day, double open, double high, double low, double close) =>",
        "        new(FirstDay.AddDays(day), open, high, low, close, 0);",
        "}",
        "",
    ]
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines))


def main():
    check_published()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = os.path.join(root, "tests", "Keel.Core.Tests", "Indicators")
    os.makedirs(target, exist_ok=True)
    write_reference(os.path.join(target, "talib_reference.txt"))
    write_bars(os.path.join(target, "TalibRegressionBars.cs"))
    print(f"wrote {target}/talib_reference.txt and TalibRegressionBars.cs", file=sys.stderr)


if __name__ == "__main__":
    main()
