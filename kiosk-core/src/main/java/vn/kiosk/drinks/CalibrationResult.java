package vn.kiosk.drinks;

/** The answer to a calibration's measured step: pulses per litre before and after (one decimal), from what. */
public record CalibrationResult(double pulsesPerLitreBefore, double pulsesPerLitre, long pulses, double measuredMl) { }
