// The Azure side of the trust improvement app: one Function App (bot + API + timers + reminder
// queue) on Linux, Node 20, Functions v4; its storage; Key Vault for the one secret; Application
// Insights; the Azure Bot with the Teams channel, signed in as a user-assigned managed identity.
//
// Deployed by the Microsoft 365 Agents Toolkit (`arm/deploy` with azure.parameters.<env>.json) or
// by hand: az deployment group create -g <rg> -f infra/azure.bicep -p infra/azure.parameters.prod.json
// (fill the ${{...}} values first when deploying by hand). See docs/deploy.md.
//
// Checked offline by test/infra/bicep-consistency.test.ts (no Bicep compiler here): parameters
// against the parameter files, every reference resolvable, outputs, secrets, app settings.

targetScope = 'resourceGroup'

@description('Prefix for every resource name: lower-case letters and digits, 4-20 characters (the Toolkit adds a random suffix).')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Azure region for everything except the bot (Azure Bot is a global resource).')
param location string = resourceGroup().location

@description('The Entra app registration that calls Graph (Sites.Selected, calendar, app install) and validates SSO tokens.')
param aadAppClientId string

@description('The Microsoft 365 tenant of the trust.')
param aadAppTenantId string

@description('The app registration\'s client secret. Stored only in Key Vault; the Function App reads it through a Key Vault reference.')
@secure()
param aadAppClientSecret string

@description('The app ID URI of the tab\'s SSO tokens. Empty: api://<function host>/<client id>, as appPackage/manifest.json declares.')
param ssoAppIdUri string = ''

@description('The SharePoint site that holds the trust\'s lists, e.g. https://contoso.sharepoint.com/sites/improvement.')
param sharePointSiteUrl string

@description('The one mailbox the app writes meeting events into (limited to it in Exchange Online: docs/permissions.md).')
param organiserMailbox string

@description('The app\'s id in the tenant app catalogue (NOT the manifest id): known only after the package is uploaded, so empty on the first provision.')
param teamsAppCatalogId string = ''

@description('FC1 = Flex Consumption (pay per use, identity-only storage). EP1-EP3 = Elastic Premium (always warm). Linux Consumption (Y1) is not offered: Microsoft retires it on 30 September 2028.')
@allowed([
  'FC1'
  'EP1'
  'EP2'
  'EP3'
])
param functionAppSku string = 'FC1'

@description('The bot\'s name in Teams.')
@maxLength(42)
param botDisplayName string

@description('How the app reaches storage. identity: managed identity, no keys anywhere (the target). connectionString: a connection string with the account key, kept in Key Vault, for an app build whose queue and table clients still need one.')
@allowed([
  'identity'
  'connectionString'
])
param storageAuth string = 'identity'

@description('Daily reminder sweep, UK wall-clock time (HH:mm). Timers fire in UTC; the app converts.')
param reminderSweepAt string = '07:30'

@description('Most instances the Function App scales out to (Flex Consumption: 40 or more; Elastic Premium: its maximum elastic worker count). The reminder queue trigger may run on every one of them, so each sends at most 50 / this many a second (at least 1): together they stay within Teams\' 50 a second per app per tenant.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var isFlex = functionAppSku == 'FC1'
var storageByIdentity = storageAuth == 'identity'
var baseName = toLower(resourceBaseName)
// Storage account names: 3-24 lower-case letters and digits only.
var storageAccountName = take(replace('${baseName}store', '-', ''), 24)
// Key Vault names: 3-24 characters, letters, digits and hyphens.
var keyVaultName = take('${baseName}-kv', 24)
var functionAppName = '${baseName}-func'
var planName = '${baseName}-plan'
var botServiceName = '${baseName}-bot'
var botIdentityName = '${baseName}-bot-identity'
var logWorkspaceName = '${baseName}-logs'
var appInsightsName = '${baseName}-insights'

// Names the app uses (functions/config/app-config.ts, bot/proactive/table-storage.ts,
// functions/azure/sweep-state.ts). The poison queue is the Functions runtime's own convention:
// <queue>-poison, after maxDequeueCount (5, host.json) failed deliveries.
var reminderQueueName = 'reminders'
var reminderPoisonQueueName = '${reminderQueueName}-poison'
var conversationReferencesTableName = 'conversationreferences'
var deliveryLedgerTableName = 'sentreminders'
var sweepStateTableName = 'sweepstate' // which daily sweeps have run
var deploymentContainerName = 'app-package'
var clientSecretName = 'aad-app-client-secret'
var storageConnectionSecretName = 'storage-connection-string'
var contentShareName = take('${baseName}-content', 63)

var effectiveSsoAppIdUri = empty(ssoAppIdUri) ? 'api://${functionApp.properties.defaultHostName}/${aadAppClientId}' : ssoAppIdUri

// ---------------------------------------------------------------------------------------------
// Monitoring: workspace-based Application Insights (classic resources are retired).
resource logWorkspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logWorkspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logWorkspace.id
  }
}

// ---------------------------------------------------------------------------------------------
// Storage: the Functions host, the reminder queue, conversation references and the delivery ledger.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    // With identity-based access on Flex Consumption nothing uses a key, so keys are switched off.
    // Keys stay on where one is still needed: Elastic Premium mounts its content from an Azure
    // Files share, which the platform opens with the account key (no identity-based option for
    // that share), and storageAuth=connectionString hands the app a key-bearing connection string.
    allowSharedKeyAccess: !(isFlex && storageByIdentity)
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption deploys the code package into this container (no WEBSITE_RUN_FROM_PACKAGE).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = if (isFlex) {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource reminderQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: reminderQueueName
}

// Created up front so the trust admin's "undelivered reminders" view can read it from day one.
resource reminderPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: reminderPoisonQueueName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource conversationReferencesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: conversationReferencesTableName
}

resource deliveryLedgerTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: deliveryLedgerTableName
}

resource sweepStateTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: sweepStateTableName
}

// ---------------------------------------------------------------------------------------------
// Key Vault (RBAC mode): the app registration's client secret, and nothing else.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Written through Azure Resource Manager (the deployer needs no Key Vault data role for this).
resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: clientSecretName
  properties: {
    value: aadAppClientSecret
    contentType: 'Entra app registration client secret'
  }
}

// Only with storageAuth=connectionString: the account key, as a connection string, in Key Vault
// (never in an app setting, never output). Rotating the account key means updating this secret.
resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!storageByIdentity) {
  parent: keyVault
  name: storageConnectionSecretName
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'
    contentType: 'Storage connection string (storageAuth=connectionString)'
  }
}

// ---------------------------------------------------------------------------------------------
// The bot's identity: a user-assigned managed identity, so the bot has no password at all.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: botIdentityName
  location: location
}

// ---------------------------------------------------------------------------------------------
// Hosting plan and Function App.
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex ? {
    name: 'FC1'
    tier: 'FlexConsumption'
  } : {
    name: functionAppSku
    tier: 'ElasticPremium'
  }
  properties: union({
    reserved: true // Linux
  }, isFlex ? {} : {
    maximumElasticWorkerCount: maximumInstanceCount
  })
}

var flexConfig = {
  functionAppConfig: {
    deployment: {
      storage: {
        type: 'blobContainer'
        value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
        authentication: {
          type: 'SystemAssignedIdentity'
        }
      }
    }
    scaleAndConcurrency: {
      maximumInstanceCount: maximumInstanceCount
      instanceMemoryMB: 2048
    }
    runtime: {
      name: 'node'
      version: '20'
    }
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    // System-assigned: storage and Key Vault. User-assigned: the bot's own identity, which
    // botbuilder uses (MicrosoftAppType UserAssignedMSI) to get Bot Framework tokens.
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: union({
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    siteConfig: union({
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }, isFlex ? {} : {
      // Flex Consumption takes its runtime from functionAppConfig instead.
      linuxFxVersion: 'Node|20'
    })
  }, isFlex ? flexConfig : {})
  // Flex Consumption points at the package container by URL: make sure it exists first.
  dependsOn: [
    deploymentContainer
  ]
}

// FTP publishing off (SCM stays on: zip deploy from the Toolkit or az uses it).
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------
// Role assignments for the Function App's system-assigned identity (least privilege, scoped to
// the one account or the one secret). The deploying account needs Owner, User Access
// Administrator or Role Based Access Control Administrator on the resource group to create them.
resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '4633458b-17de-408a-b874-0445c86b69e6'
}

// Blob Data Owner: the Functions host keeps its leases and keys in blobs, and Flex reads the package.
resource blobRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, storageBlobDataOwner.id)
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, storageQueueDataContributor.id)
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionApp.id, storageTableDataContributor.id)
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Scoped to the one secret, not the vault.
resource secretRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: clientSecret
  name: guid(clientSecret.id, functionApp.id, keyVaultSecretsUser.id)
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageSecretRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!storageByIdentity) {
  scope: storageConnectionSecret
  name: guid(storageConnectionSecret.id, functionApp.id, keyVaultSecretsUser.id)
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// App settings. Names are the app's (functions/config/app-config.ts) or the Functions runtime's.
// Not set: WEBSITE_TIME_ZONE (not supported on Linux consumption-style plans; timers run in UTC
// and the app works out UK time itself), BOT_PASSWORD (the bot has none).
var appSettings = {
  TRUST_MODE: 'production'
  TRUST_STORE: 'sharepoint'
  LOG_LEVEL: 'info'
  SHAREPOINT_SITE_URL: sharePointSiteUrl
  AZURE_TENANT_ID: aadAppTenantId
  AZURE_CLIENT_ID: aadAppClientId
  // Resolved by the platform with the system-assigned identity (Key Vault Secrets User on the
  // secret); versionless, so a rotated secret is picked up without redeploying.
  AZURE_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${clientSecret.properties.secretUri})'
  PUBLIC_BASE_URL: 'https://${functionApp.properties.defaultHostName}'
  SSO_APP_ID_URI: effectiveSsoAppIdUri
  BOT_ID: botIdentity.properties.clientId
  BOT_TYPE: 'UserAssignedMSI'
  REMINDER_QUEUE: reminderQueueName
  ORGANISER_MAILBOX: organiserMailbox
  REMINDER_SWEEP_AT: reminderSweepAt
  REMINDER_SENDS_PER_SECOND: string(max(1, 50 / maximumInstanceCount))
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
}

// Identity-based storage: no connection string, no key. The Functions runtime reads the
// AzureWebJobsStorage__* section and uses the system-assigned identity (the roles above); the
// app's own queue and table clients must connect the same way (docs/deploy.md, step 4).
var identityStorageSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
}

// storageAuth=connectionString: the same name as a connection string, resolved from Key Vault.
var connectionStringStorageSettings = {
  AzureWebJobsStorage: storageByIdentity ? '' : '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})'
}

// Elastic Premium only (Flex rejects these): runtime, run-from-package, and the content share,
// whose connection string must carry the account key (see allowSharedKeyAccess above).
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'node'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  WEBSITE_CONTENTAZUREFILECONNECTIONSTRING: isFlex ? '' : 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'
  WEBSITE_CONTENTSHARE: contentShareName
}

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, storageByIdentity ? identityStorageSettings : connectionStringStorageSettings, isFlex ? {} : premiumSettings, empty(teamsAppCatalogId) ? {} : {
    TEAMS_APP_CATALOG_ID: teamsAppCatalogId
  })
  // The host must be able to reach storage and the secret the first time it starts.
  dependsOn: [
    blobRoleAssignment
    queueRoleAssignment
    tableRoleAssignment
    secretRoleAssignment
    storageSecretRoleAssignment
    reminderQueue
    reminderPoisonQueue
    conversationReferencesTable
    deliveryLedgerTable
    sweepStateTable
    deploymentContainer
  ]
}

// ---------------------------------------------------------------------------------------------
// Azure Bot: messages go to the Function App; Teams is the one channel.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: free
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${functionApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: botIdentity.properties.clientId
    msaAppMSIResourceId: botIdentity.id
    msaAppTenantId: botIdentity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs: the Toolkit writes these into env/.env.<env>. No secret is ever output.
output FUNCTION_APP_RESOURCE_ID string = functionApp.id
output FUNCTION_APP_NAME string = functionApp.name
output FUNCTION_APP_ENDPOINT string = 'https://${functionApp.properties.defaultHostName}'
output FUNCTION_APP_DOMAIN string = functionApp.properties.defaultHostName
output SSO_APP_ID_URI string = effectiveSsoAppIdUri
output BOT_ID string = botIdentity.properties.clientId
output BOT_IDENTITY_RESOURCE_ID string = botIdentity.id
output BOT_SERVICE_NAME string = botService.name
output KEY_VAULT_NAME string = keyVault.name
output STORAGE_ACCOUNT_NAME string = storage.name
