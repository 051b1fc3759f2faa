print("cadreplan")
