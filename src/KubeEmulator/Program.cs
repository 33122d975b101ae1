Console.WriteLine("KubeEmulator: not wired yet");
