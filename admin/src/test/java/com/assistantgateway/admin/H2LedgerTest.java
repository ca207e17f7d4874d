package com.assistantgateway.admin;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class H2LedgerTest extends LedgerContractTest {}
