using Microsoft.ML;
using Microsoft.ML.Data;

// dotnet build trained TaxiFare.zip from data/ and copied it beside this program.
var ml = new MLContext();
var model = ml.Model.Load(Path.Combine(AppContext.BaseDirectory, "TaxiFare.zip"), out _);
var engine = ml.Model.CreatePredictionEngine<Trip, FarePrediction>(model);

Trip[] trips =
[
    new() { VendorId = "VTS", RateCode = 1, PassengerCount = 1, TripTimeInSecs = 1140, TripDistance = 3.75f, PaymentType = "CRD" },
    new() { VendorId = "CMT", RateCode = 1, PassengerCount = 2, TripTimeInSecs = 300, TripDistance = 0.9f, PaymentType = "CSH" },
];
foreach (var trip in trips)
    Console.WriteLine($"{trip.TripDistance,5} miles, {trip.TripTimeInSecs / 60,3} min: predicted fare {engine.Predict(trip).Fare:C2}");

/// <summary>One trip, by the column names of the data's header line.</summary>
public sealed class Trip
{
    [ColumnName("vendor_id")] public string VendorId { get; set; } = "";
    [ColumnName("rate_code")] public float RateCode { get; set; }
    [ColumnName("passenger_count")] public float PassengerCount { get; set; }
    [ColumnName("trip_time_in_secs")] public float TripTimeInSecs { get; set; }
    [ColumnName("trip_distance")] public float TripDistance { get; set; }
    [ColumnName("payment_type")] public string PaymentType { get; set; } = "";
}

public sealed class FarePrediction
{
    [ColumnName("Score")] public float Fare { get; set; }
}
